package org.kunnafoni.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * Requests broken below the routes: malformed request lines, oversized URIs and headers, conflicting or
 * impossible lengths, smuggling shapes, broken chunked framing, bytes no header may hold.
 */
final class RawFraming {
    static final List<String> CASES = List.of(
            "GARBAGE\r\n\r\n",
            "GET\r\n\r\n",
            "GET /health\r\n\r\n",
            "GET /health HTTP/9.9\r\nHost: x\r\n\r\n",
            "G\u0000T /health HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n",
            "GET /health HTTP/1.1\r\nHost: x\r\nX-Nul: a\u0000b\r\n\r\n",
            "GET /health HTTP/1.1\r\nHost: x\r\n folded: header\r\n\r\n",
            "GET /health HTTP/1.1\r\nHost: x\r\nNo-Colon-Here\r\n\r\n",
            "POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
            "POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
            "POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n",
            "POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 40\r\n\r\n{}",
            "POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n",
            "POST /api/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n",
            "POST /api/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n",
            "POST /api/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
            "POST /channels/twilio/sms HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n"
                    + "4000\r\n" + "A".repeat(0x4000) + "\r\n4000\r\n" + "A".repeat(0x4000) + "\r\n0\r\n\r\n",
            "POST /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + "10\r\n0123456789abcdef\r\n".repeat(200) + "0\r\n\r\n",
            "POST /channels/twilio/sms HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 20\r\n\r\nBody=%G1&From=%",
            "POST /channels/relay HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=--b\r\nContent-Length: 40\r\n\r\n----b\r\nContent-Disposition: form-data\r\n\r\n",
            "POST /api/subscribers/import HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 9999999\r\n\r\n",
            "GET /api/leads?status=%%%% HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /partner/scripts/%ZZ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \u00ff\u00fe\r\n\r\n",
            "GET /\u00ff\u00fe HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET http://evil.example/health HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET * HTTP/1.1\r\nHost: x\r\n\r\n",
            "CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n",
            "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
            "GET /health HTTP/1.1\r\nHost: x\r\nUpgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: !!!\r\n\r\n",
            "GET /api/events HTTP/1.1\r\nHost: x\r\nLast-Event-ID: " + "9".repeat(5000) + "\r\n\r\n",
            "GET /health HTTP/1.1\r\n" + "X-A: 1\r\n".repeat(2000) + "\r\n");

    private final Iterator<String> next = CASES.iterator();

    FuzzCase next() {
        return FuzzCase.of(new RawHttp.Request(null, null, java.util.Map.of(),
                next.next().getBytes(StandardCharsets.ISO_8859_1)));
    }
}
