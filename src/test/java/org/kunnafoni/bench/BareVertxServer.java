package org.kunnafoni.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

import java.util.concurrent.TimeUnit;

/**
 * The baseline of the ingest benchmark: the least a Vert.x 5 server can do for a Twilio webhook — read and
 * decode the form body, answer an empty TwiML {@code <Response/>}. No router, no metrics, no signature, no
 * Redis, so the gateway/bare ratio is what everything else costs. Run as its own JVM, like the gateway. A GET
 * gets the same answer, so the driver can tell when it listens.
 *
 * <p>Usage: {@code BareVertxServer <port> <event-loop instances>}; binds to 127.0.0.1 only.
 */
public final class BareVertxServer {
    static final String READY_LINE = "bare vert.x listening";
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private BareVertxServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int instances = Integer.parseInt(args[1]);
        Vertx vertx = Vertx.vertx();
        vertx.deployVerticle(() -> new FormVerticle(port), new DeploymentOptions().setInstances(instances))
                .await(30, TimeUnit.SECONDS);
        System.out.println(READY_LINE + " on 127.0.0.1:" + port + " with " + instances + " event loops");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                vertx.close().await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // exiting anyway
            }
        }));
    }

    private static final class FormVerticle extends VerticleBase {
        private final int port;

        FormVerticle(int port) {
            this.port = port;
        }

        @Override
        public Future<?> start() {
            return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                    .requestHandler(FormVerticle::handle)
                    .listen();
        }

        private static void handle(HttpServerRequest request) {
            if (request.method() == HttpMethod.POST) {
                request.setExpectMultipart(true);
            }
            request.endHandler(done -> {
                // The decoded form is what any webhook endpoint works from, so the baseline decodes it too.
                request.formAttributes();
                request.response()
                        .putHeader("Content-Type", "text/xml; charset=utf-8")
                        .end(EMPTY_TWIML);
            });
        }
    }
}
