package org.kunnafoni.web.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.kunnafoni.web.Api;

import java.util.Optional;
import java.util.regex.Pattern;

/** Account management for admins: {@code GET/POST /api/users}, {@code PATCH /api/users/:username}. */
public final class UserRoutes implements org.kunnafoni.web.ApiModule {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    private final PasswordPolicy policy = PasswordPolicy.bundled();

    private final AuthService auth;
    private final AuthHandler authenticated;

    public UserRoutes(AuthService auth, AuthHandler authenticated) {
        this.auth = auth;
        this.authenticated = authenticated;
    }

    @Override
    public void mount(Router api) {
        api.route("/users*").handler(authenticated).handler(AuthHandler.require(Role.ADMIN));
        api.get("/users").handler(this::list);
        api.post("/users").handler(this::create);
        api.patch("/users/:username").handler(this::update);
    }

    private void list(RoutingContext ctx) {
        Api.await(ctx, auth.users(), users -> {
            JsonArray out = new JsonArray();
            users.forEach(u -> out.add(new JsonObject().put("username", u.username()).put("role", u.role().id())
                    .put("disabled", u.disabled()).put("created_at", u.createdAt().toString())));
            Api.json(ctx, 200, new JsonObject().put("users", out));
        });
    }

    private void create(RoutingContext ctx) {
        JsonObject body = Api.body(ctx);
        if (body == null) {
            return;
        }
        String username = body.getValue("username") instanceof String s ? s : "";
        Optional<String> password = body.getValue("password") instanceof String p ? Optional.of(p) : Optional.empty();
        Optional<Role> role = body.getValue("role") instanceof String r ? Role.fromId(r) : Optional.empty();
        if (!USERNAME.matcher(username).matches() || password.isEmpty() || role.isEmpty()) {
            Api.error(ctx, 400, "username (3–32 of a-z 0-9 . _ -), password (" + PasswordPolicy.MIN + " to "
                    + PasswordPolicy.MAX + " characters) and role (monitor, supervisor or admin) are required");
            return;
        }
        Optional<String> weak = policy.problem(password.get());
        if (weak.isPresent()) {
            Api.error(ctx, 400, weak.get());
            return;
        }
        Api.await(ctx, auth.createUser(AuthHandler.session(ctx), username, password.get(), role.get(),
                Api.address(ctx)), created -> {
            if (created) {
                Api.json(ctx, 201, new JsonObject().put("username", username).put("role", role.get().id()));
            } else {
                Api.error(ctx, 409, "a user with that name exists");
            }
        });
    }

    private void update(RoutingContext ctx) {
        JsonObject body = Api.body(ctx);
        if (body == null) {
            return;
        }
        Optional<Role> role = Optional.empty();
        if (body.containsKey("role")) {
            role = body.getValue("role") instanceof String r ? Role.fromId(r) : Optional.empty();
            if (role.isEmpty()) {
                Api.error(ctx, 400, "role must be monitor, supervisor or admin");
                return;
            }
        }
        Optional<String> password = Optional.empty();
        if (body.containsKey("password")) {
            Optional<String> weak = body.getValue("password") instanceof String p ? policy.problem(p)
                    : Optional.of("password must be a string");
            if (weak.isPresent()) {
                Api.error(ctx, 400, weak.get());
                return;
            }
            password = Optional.of(body.getString("password"));
        }
        Optional<Boolean> disabled = Optional.empty();
        if (body.containsKey("disabled")) {
            if (!(body.getValue("disabled") instanceof Boolean d)) {
                Api.error(ctx, 400, "disabled must be true or false");
                return;
            }
            disabled = Optional.of(d);
        }
        String username = ctx.pathParam("username");
        Api.await(ctx, auth.updateUser(AuthHandler.session(ctx), username, role, password, disabled,
                Api.address(ctx)), found -> {
            if (found) {
                ctx.response().setStatusCode(204).end();
            } else {
                Api.error(ctx, 404, "no such user");
            }
        });
    }
}
