package dev.parley.server;

import io.javalin.http.Context;

/** Who may call the server from a browser: only pages it serves itself, and none may frame it. Stateless. */
final class Origins {
    private Origins() {
    }

    /**
     * Before every request: no page may frame the console or the API, and no other origin may call the API (CORS is
     * closed: no {@code Access-Control-*} header is ever sent, and a request a browser marks as coming from another
     * origin is refused, so a web page the user happens to visit cannot make the server work).
     */
    static void guard(Context ctx) {
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        if (foreign(ctx.header("Origin"), ctx.header("Host"))) {
            throw new AccessDenied("requests from another origin (" + ctx.header("Origin") + ") are refused");
        }
    }

    /** Whether a request a browser marks with {@code origin} comes from another origin than this server. */
    static boolean foreign(String origin, String host) {
        return origin != null && (host == null || !(origin.equals("http://" + host) || origin.equals("https://"
                + host)));
    }
}
