package dev.parley.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link ServerLoad}'s clients: the seats that post moves and the subscribers that count what is pushed, each as a
 * plain HTTP/1.1 or WebSocket (RFC 6455) client on a socket of its own, or through the JDK's {@link HttpClient}.
 */
final class LoadClients {
    private LoadClients() {
    }

    /** One negotiation's two seats, which take turns (SAOP), each move answered before the next. */
    interface Seats extends AutoCloseable {
        void offer(String body) throws IOException, InterruptedException;

        @Override
        void close() throws IOException;
    }

    static final class JdkSeats implements Seats {
        private final HttpClient http;
        private final String url;
        private final String[] tokens;
        private int turn;

        JdkSeats(HttpClient http, String url, String[] tokens) {
            this.http = http;
            this.url = url;
            this.tokens = tokens;
        }

        @Override
        public void offer(String body) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(request(url, tokens[turn], body), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
            turn = 1 - turn;
        }

        @Override
        public void close() {
        }
    }

    /** HTTP/1.1 on one kept-alive socket: the request written whole, the answer read by its length or chunks. */
    static final class PlainSeats implements Seats {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[][] heads = new byte[2][];
        private int turn;

        PlainSeats(int port, String path, String[] tokens) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < 2; i++) {
                heads[i] = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
                        + tokens[i] + "\r\nContent-Type: application/json\r\nContent-Length: ").getBytes(
                                StandardCharsets.US_ASCII);
            }
        }

        @Override
        public void offer(String body) throws IOException {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            byte[] length = (b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[heads[turn].length + length.length + b.length];
            System.arraycopy(heads[turn], 0, request, 0, heads[turn].length);
            System.arraycopy(length, 0, request, heads[turn].length, length.length);
            System.arraycopy(b, 0, request, heads[turn].length + length.length, b.length);
            out.write(request);
            out.flush();
            String status = line(in);
            long contentLength = -1;
            boolean chunked = false;
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    contentLength = Long.parseLong(h.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            String answer = chunked
                    ? chunks(in)
                    : new String(in.readNBytes((int) contentLength),
                            StandardCharsets.UTF_8);
            if (!status.startsWith("HTTP/1.1 2")) {
                throw new IllegalStateException(status + " " + answer);
            }
            turn = 1 - turn;
        }

        private static String chunks(InputStream in) throws IOException {
            var body = new StringBuilder();
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in)
                    .strip(), 16)) {
                body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                line(in);
            }
            line(in); // the blank line after the last chunk
            return body.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A line of an HTTP head, without its CRLF. */
    static String line(InputStream in) throws IOException {
        var b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    /**
     * A WebSocket (RFC 6455) that only reads: the handshake, then the server's frames (unmasked), counting each
     * final text frame; on its own thread.
     */
    static final class PlainSubscriber implements AutoCloseable {
        private final Socket socket;
        private final Thread reader;

        private volatile boolean closing;

        PlainSubscriber(int port, String path, AtomicLong pushed, AtomicLong closedEarly) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            byte[] nonce = new byte[16];
            new SplittableRandom(port).nextBytes(nonce);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
                    + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String status = line(in);
            if (!status.startsWith("HTTP/1.1 101")) {
                throw new IllegalStateException("no WebSocket: " + status);
            }
            while (!line(in).isEmpty()) {
                // the upgrade's headers
            }
            reader = Thread.ofPlatform().daemon().name("load-subscriber").start(() -> {
                try {
                    while (true) {
                        int b0 = in.read();
                        int b1 = in.read();
                        if (b0 < 0 || b1 < 0) {
                            closedEarly(closedEarly);
                            return;
                        }
                        long length = b1 & 0x7f;
                        if (length == 126) {
                            length = (in.read() << 8) | in.read();
                        } else if (length == 127) {
                            length = 0;
                            for (int i = 0; i < 8; i++) {
                                length = (length << 8) | in.read();
                            }
                        }
                        in.skipNBytes(length);
                        int opcode = b0 & 0x0f;
                        if (opcode == 0x8) {
                            closedEarly(closedEarly);
                            return;
                        }
                        if ((b0 & 0x80) != 0 && (opcode == 0x1 || opcode == 0x0)) {
                            pushed.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    closedEarly(closedEarly);
                }
            });
        }

        private void closedEarly(AtomicLong count) {
            if (!closing) {
                count.incrementAndGet();
            }
        }

        @Override
        public void close() throws IOException, InterruptedException {
            closing = true;
            socket.close();
            reader.join();
        }
    }

    static AutoCloseable jdkSubscriber(HttpClient http, String url, AtomicLong pushed,
            AtomicLong closedEarly) {
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(url), new Counter(pushed, closedEarly))
                .join();
        return () -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    static HttpRequest request(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).POST(
                HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Counts the messages pushed to one subscriber, and a close by the server (this side closes only at the end). */
    private record Counter(AtomicLong pushed, AtomicLong closedEarly) implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closedEarly.incrementAndGet();
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (last) {
                pushed.incrementAndGet();
            }
            ws.request(1);
            return null;
        }
    }
}
