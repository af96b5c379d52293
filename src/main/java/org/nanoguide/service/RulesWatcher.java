package org.nanoguide.service;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a rules folder (and its subfolders) and reloads {@link LiveRules} after a change,
 * once the folder has been quiet for a short while (an editor's save, or a {@code git pull},
 * is many events). Runs on its own daemon thread, never on a request's.
 *
 * <p>It outlives what happens to the folder: deleted, re-created ({@code git checkout}, rsync),
 * or replaced by another folder of the same name ({@code mv new rules}), it is noticed by a
 * check of the folder's identity every {@link #RECHECK}, watched again and reloaded. Any error of
 * a reload, out of memory included, is reported and the watching goes on; {@link #alive()} says
 * whether it does.
 */
public final class RulesWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RulesWatcher.class);
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(300);
    /** How often the folder's identity is checked, for the changes no watch event reports. */
    static final Duration RECHECK = Duration.ofSeconds(1);

    private final LiveRules rules;
    private final Path folder;
    private final Duration debounce;
    private final WatchService watch;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Instant lastEventAt;
    /** The identity (inode) of the folder being watched, or null while it is missing. */
    private Object watched;

    private RulesWatcher(LiveRules rules, Duration debounce) throws IOException {
        this.rules = rules;
        this.folder = rules.folder();
        this.debounce = debounce;
        this.watch = folder.getFileSystem().newWatchService();
        registerTree(folder);
        this.watched = identity();
        this.thread = new Thread(this::loop, "nanoguide-rules-watcher");
        this.thread.setDaemon(true);
    }

    /** Starts watching the folder of {@code rules}; it must have one. */
    public static RulesWatcher start(LiveRules rules, Duration debounce) throws IOException {
        if (rules.folder() == null) throw new IllegalArgumentException("the rules come from no folder, there is nothing to watch");
        RulesWatcher w = new RulesWatcher(rules, debounce);
        w.thread.start();
        LOG.info("watching {} for rule changes", w.folder);
        return w;
    }

    /** Whether the watcher still runs: changes to the folder are being reloaded. */
    public boolean alive() { return !closed && thread.isAlive(); }

    /** When it last saw a change to the folder, or null when it has seen none. */
    public Instant lastEventAt() { return lastEventAt; }

    private void registerTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path d : walk.filter(Files::isDirectory).toList()) {
                d.register(watch, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
            }
        }
    }

    private void loop() {
        while (!closed) {
            try {
                WatchKey key = watch.poll(RECHECK.toMillis(), TimeUnit.MILLISECONDS);
                boolean changed = key != null && handle(key);
                // debounce: wait until nothing has changed for a while, then reload once
                WatchKey more;
                while (changed && (more = watch.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) handle(more);
                changed |= folderReplaced();
                if (changed && !closed) rules.reload();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                if (closed) return;
                LOG.warn("the rules watcher was interrupted; it goes on watching");
            } catch (Throwable e) { // NOPMD: an error of one reload (out of memory included) must not end the watching
                LOG.error("the rules watcher met an error and goes on watching: {}", e.toString());
            }
        }
    }

    /** Reads a key's events; true when they are about the rules (a change to reload). */
    private boolean handle(WatchKey key) {
        Path dir = (Path) key.watchable();
        boolean any = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            any = true;
            if (event.kind() == OVERFLOW) continue;
            Path child = dir.resolve((Path) event.context());
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(child)) {
                try {
                    registerTree(child);
                } catch (IOException e) {
                    LOG.warn("cannot watch new folder {}: {}", child, e.getMessage());
                }
            }
        }
        if (!key.reset()) {
            LOG.debug("no longer watching {}", dir);
            any = true;
        }
        if (any) lastEventAt = Instant.now();
        return any;
    }

    /**
     * Whether the folder is gone, back, or another folder now: watch events cannot tell (the
     * watched folder's key dies with it, and a folder moved into its place sends nothing).
     */
    private boolean folderReplaced() throws IOException {
        Object now = identity();
        if (Objects.equals(now, watched)) return false;
        LOG.info("the rules folder {} was {}", folder, now == null ? "removed" : watched == null ? "created again" : "replaced");
        if (now != null) registerTree(folder);
        watched = now;
        lastEventAt = Instant.now();
        return true;
    }

    private Object identity() {
        try {
            BasicFileAttributes a = Files.readAttributes(folder, BasicFileAttributes.class);
            if (!a.isDirectory()) return null;
            // not every file system has inodes: the creation time then tells a new folder from the old
            return a.fileKey() != null ? a.fileKey() : a.creationTime();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            watch.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service: {}", e.toString());
        }
        thread.interrupt();
    }
}
