package org.nanoguide.service;

/**
 * The running size of an answer, byte for byte what {@link Answers#write} writes: the parts, a
 * comma between two and brackets around them for a JSON array, nothing between them otherwise
 * (one JSON result, or the HTML sections of a report); and its share of the service's
 * {@link HeldAnswers}, taken as parts are made and given back once at the end. Every endpoint
 * whose answer grows with the cases asked for counts it here, so no request can make an answer
 * the heap cannot hold. Synchronized: a request given up on at its time limit releases while its
 * last turn may still add.
 */
final class AnswerSize {
    private final long limit;
    private final int cases;
    private final boolean array;
    private final HeldAnswers held;
    private long bytes;
    private long taken;
    private int parts;
    private boolean released;

    AnswerSize(long limit, int cases, boolean array, HeldAnswers held) {
        this.limit = limit;
        this.cases = cases;
        this.array = array;
        this.held = held;
        this.bytes = array ? 2 : 0;
    }

    /** @throws ApiException 413 as soon as the answer outgrows its limit; 503 when the service holds too many answer bytes */
    synchronized byte[] add(byte[] part) {
        if (released) throw new ApiException(503, "cancelled");
        bytes += part.length + (array && parts > 0 ? 1 : 0);
        parts++;
        if (bytes > limit) {
            throw new ApiException(413, "the answer would be over the limit of " + limit + " bytes (reached at case "
                    + parts + " of " + cases + "); send fewer cases per request");
        }
        if (!held.take(bytes - taken)) throw held.full();
        taken = bytes;
        return part;
    }

    synchronized long bytes() { return bytes; }

    synchronized void release() {
        released = true;
        held.give(taken);
        taken = 0;
    }
}
