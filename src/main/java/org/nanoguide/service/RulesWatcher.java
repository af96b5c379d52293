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
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a rules folder (and its subfolders) and reloads {@link LiveRules} after a change,
 * once the folder has been quiet for a short while (an editor's save, or a {@code git pull},
 * is many events). Runs on its own daemon thread, never on a request's.
 */
public final class RulesWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RulesWatcher.class);
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(300);

    private final LiveRules rules;
    private final Path folder;
    private final Duration debounce;
    private final WatchService watch;
    private final Thread thread;
    private volatile boolean closed;

    private RulesWatcher(LiveRules rules, Duration debounce) throws IOException {
        this.rules = rules;
        this.folder = rules.folder();
        this.debounce = debounce;
        this.watch = folder.getFileSystem().newWatchService();
        registerTree(folder);
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

    private void registerTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path d : walk.filter(Files::isDirectory).toList()) {
                d.register(watch, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
            }
        }
    }

    private void loop() {
        try {
            while (!closed) {
                WatchKey key = watch.take();
                handle(key);
                // debounce: wait until nothing has changed for a while, then reload once
                WatchKey more;
                while ((more = watch.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) handle(more);
                if (closed) return;
                try {
                    rules.reload();
                } catch (RuntimeException e) {
                    LOG.error("rules reload failed unexpectedly: {}", e.toString()); // reload() reports its own failures
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // closed: done
        } catch (RuntimeException e) {
            LOG.error("the rules watcher stopped; restart the service to watch again: {}", e.toString());
        }
    }

    private void handle(WatchKey key) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
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
