package org.kunnafoni.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tiny HTTP/1.1 client over a socket, so a test can send what no well-behaved client would: raw bytes in the
 * request target, broken percent-encodings, any method with any body. One request per connection.
 */
final class RawHttp {
    /** {@code target} is written as ISO-8859-1, byte for byte; {@code body} may be null. */
    record Request(String method, String target, Map<String, String> headers, byte[] body) {
        Request {
            headers = new LinkedHashMap<>(headers);
        }

        int bodyLength() {
            return body == null ? 0 : body.length;
        }
    }

    /** {@code status} is 0 when the server closed the connection without an answer. */
    record Response(int status, String head, String body) {
    }

    private RawHttp() {
    }

    static Response exchange(int port, Request request, boolean headersOnly) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            write(socket.getOutputStream(), port, request);
            return read(socket.getInputStream(), headersOnly);
        }
    }

    /** Bytes written as they are: malformed request lines, smuggling attempts, broken chunked framing. */
    static Response exchangeRaw(int port, byte[] bytes) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            try {
                socket.getOutputStream().write(bytes);
                socket.getOutputStream().flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // answered and closed early
            }
            return read(socket.getInputStream(), false);
        }
    }

    /** A server that refuses early may close while the body is still going out; its answer is read anyway. */
    private static void write(OutputStream out, int port, Request request) {
        StringBuilder head = new StringBuilder();
        head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        head.append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
        request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (request.body() != null) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        head.append("\r\n");
        try {
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (request.body() != null) {
                out.write(request.body());
            }
            out.flush();
        } catch (IOException e) {
            // the answer (if any) is already in the socket's receive buffer
        }
    }

    private static Response read(InputStream in, boolean headersOnly) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
                if (headersOnly && received.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            if (!headersOnly) {
                throw e;
            }
        } catch (IOException e) {
            // reset after a refusal: keep what arrived
        }
        String text = received.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || end < 0) {
            return new Response(0, text, "");
        }
        int status = Integer.parseInt(text.substring(9, 12));
        return new Response(status, text.substring(0, end), text.substring(end + 4));
    }
}
