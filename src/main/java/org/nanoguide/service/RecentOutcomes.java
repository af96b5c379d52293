package org.nanoguide.service;

/**
 * The outcomes of the last evaluations (success or failure), for health: rules that fail on most
 * cases leave the service up but not answering correctly. A handful of failing cases among many
 * good ones is the cases' problem, not the service's.
 */
final class RecentOutcomes {
    static final int WINDOW = 20;
    private final boolean[] failed = new boolean[WINDOW];
    private int next;
    private int count;

    synchronized void add(boolean ok) {
        failed[next] = !ok;
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
    }

    /** At least half of the window is known, and at least half of what is known failed. */
    synchronized boolean mostlyFailing() {
        if (count < WINDOW / 2) return false;
        int bad = 0;
        for (int i = 0; i < count; i++) if (failed[i]) bad++;
        return bad * 2 >= count;
    }
}
