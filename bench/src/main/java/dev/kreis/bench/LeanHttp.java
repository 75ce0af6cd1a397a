package dev.kreis.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection on a plain blocking socket, for the steps that compare the app
 * with pgbench: single ingest and the HTTP floor. pgbench is a lean C client; the JDK's
 * {@code java.net.http} client spends about half a millisecond of CPU per small POST here (its
 * selector thread, futures and flow publishers), a third of the two cores at the rates measured,
 * which the app would pay for in the comparison. This client writes the request bytes and reads
 * the status line, the headers and a {@code Content-Length} or chunked body, nothing more. One per
 * client thread, not thread-safe; reconnects when the server closes the connection.
 */
final class LeanHttp implements AutoCloseable {
    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final byte[] authorization;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    LeanHttp(String baseUrl, int timeoutMillis) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 80 : uri.getPort();
        this.timeoutMillis = timeoutMillis;
        this.authorization = ("Authorization: Bearer " + System.getenv().getOrDefault("KREIS_BENCH_TOKEN", "") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    Http.Response post(String path, byte[] json) {
        return exchange("POST", path, json);
    }

    Http.Response get(String path) {
        return exchange("GET", path, null);
    }

    private Http.Response exchange(String method, String path, byte[] body) {
        long t0 = System.nanoTime();
        try {
            connect();
            ByteArrayOutputStream request = new ByteArrayOutputStream(512 + (body == null ? 0 : body.length));
            request.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: application/json\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.write(authorization);
            if (body != null) {
                request.write(("Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            request.write('\r');
            request.write('\n');
            if (body != null) {
                request.write(body);
            }
            request.writeTo(out);
            out.flush();
            return read(t0);
        } catch (IOException | RuntimeException e) {
            close();
            return new Http.Response(-1, (method + " " + path + ": " + e).getBytes(StandardCharsets.UTF_8), System.nanoTime() - t0);
        }
    }

    private Http.Response read(long t0) throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        byte[] body;
        if (chunked) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0; size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                all.write(in.readNBytes(size));
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
            body = all.toByteArray();
        } else {
            body = length < 0 ? new byte[0] : in.readNBytes(length);
            if (length > 0 && body.length < length) {
                throw new IOException("connection closed after " + body.length + " of " + length + " bytes");
            }
        }
        if (close) {
            close();
        }
        return new Http.Response(code, body, System.nanoTime() - t0);
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed by the server");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    private void connect() throws IOException {
        if (socket != null) {
            return;
        }
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), 10_000);
        s.setSoTimeout(timeoutMillis);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        out = s.getOutputStream();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
