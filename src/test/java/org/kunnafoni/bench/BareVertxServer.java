package org.kunnafoni.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.concurrent.TimeUnit;

/**
 * The baseline of the ingest benchmark: the least a Vert.x 5 server can do for a Twilio webhook — read and
 * decode the form body, answer an empty TwiML {@code <Response/>}. No router, no metrics, no signature, no
 * Redis, so the gateway/bare ratio is what everything else costs. Run as its own JVM, like the gateway. A GET
 * gets the same answer, so the driver can tell when it listens.
 *
 * <p>Mode {@code plain} (the benchmark's baseline) reads the request with the core HTTP server; mode
 * {@code router} is the form endpoint as Vert.x Web's documentation writes one, a Router with
 * {@code BodyHandler}: a comparison, to tell which kind of endpoint a quoted "bare Vert.x" figure came from.
 *
 * <p>Usage: {@code BareVertxServer <port> <event-loop instances> [plain|router]}; binds to 127.0.0.1 only.
 */
public final class BareVertxServer {
    static final String READY_LINE = "bare vert.x listening";
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private BareVertxServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int instances = Integer.parseInt(args[1]);
        boolean router = args.length > 2 && "router".equals(args[2]);
        Vertx vertx = Vertx.vertx();
        vertx.deployVerticle(() -> new FormVerticle(port, router), new DeploymentOptions().setInstances(instances))
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
        private final boolean router;

        FormVerticle(int port, boolean router) {
            this.port = port;
            this.router = router;
        }

        @Override
        public Future<?> start() {
            return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                    .requestHandler(router ? router() : FormVerticle::handle)
                    .listen();
        }

        private Router router() {
            Router r = Router.router(vertx);
            r.post().handler(BodyHandler.create(false).setBodyLimit(16 * 1024));
            r.route().handler(ctx -> {
                ctx.request().formAttributes();
                ctx.response().putHeader("Content-Type", "text/xml; charset=utf-8").end(EMPTY_TWIML);
            });
            return r;
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
