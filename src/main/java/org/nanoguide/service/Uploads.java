package org.nanoguide.service;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * Reads request bodies off the socket with the limits of {@link RequestBody}, so that slow clients
 * cannot take the service down. Reading a body blocks a server thread while the body arrives; a
 * client that trickles its body holds that thread. So a body must arrive within a time limit, and
 * only a bounded number of bodies may be arriving at once: beyond that the answer is 503 at once,
 * and the threads that health and other clients need stay free. A body that came with its headers
 * (most do) is read without waiting and takes no place.
 */
final class Uploads {
    private final long maxBody;
    private final Duration limit;
    private final int places;
    private final Semaphore arriving;
    private final BooleanSupplier stopping;

    Uploads(long maxBody, Duration limit, int places, BooleanSupplier stopping) {
        this.maxBody = maxBody;
        this.limit = limit;
        this.places = places;
        this.arriving = new Semaphore(places);
        this.stopping = stopping;
    }

    /** @throws ApiException 413, 408, 400 as {@link RequestBody#read}; 503 when too many bodies are arriving or the service stops */
    byte[] read(HttpServletRequest req) {
        long declared = req.getContentLengthLong();
        if (declared > maxBody && "100-continue".equalsIgnoreCase(req.getHeader("Expect"))) {
            // the client waits for a go-ahead before sending: refuse now instead of asking for the body to drop it
            throw new ApiException(413, "request body of " + declared + " bytes is over the limit of " + maxBody + " bytes")
                    .closingConnection();
        }
        EndPoint connection = null;
        long idle = 0;
        boolean placed = false;
        try {
            InputStream in = req.getInputStream();
            if (declared >= 0 && declared <= maxBody && in.available() >= declared) {
                // nothing to wait for: no place, no deadline, no change to the connection's idle
                // timeout, and no buffer beyond the body's own size
                try (in) {
                    return in.readNBytes((int) declared);
                }
            }
            if (!arriving.tryAcquire()) {
                throw new ApiException(503, "too many request bodies are arriving at once (the limit is " + places
                        + "); retry later, sending the body with the request").closingConnection();
            }
            placed = true;
            connection = ServletContextRequest.getServletContextRequest(req).getConnectionMetaData().getConnection().getEndPoint();
            idle = connection.getIdleTimeout();
            EndPoint arrivingOn = connection;
            return RequestBody.read(() -> RequestBody.withDeadline(in, limit.toMillis(), arrivingOn::setIdleTimeout), declared, maxBody);
        } catch (IOException e) {
            throw stopping.getAsBoolean() ? stopping() : new ApiException(400, "cannot read the request body: the connection failed")
                    .closingConnection();
        } catch (ApiException e) {
            if (stopping.getAsBoolean() && (e.status == 400 || e.status == 408)) throw stopping();
            throw e;
        } finally {
            if (placed) arriving.release();
            if (connection != null) connection.setIdleTimeout(idle);
        }
    }

    /** The server cut the upload because it is shutting down: not the client's fault. */
    private static ApiException stopping() {
        return new ApiException(503, "the service is stopping; send the request again (to another replica)").closingConnection();
    }
}
