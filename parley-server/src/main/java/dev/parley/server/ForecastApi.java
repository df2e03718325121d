package dev.parley.server;

import dev.parley.scenario.wire.Fields;
import io.javalin.http.Context;
import java.util.List;

/**
 * The forecast routes of the console, for the mediator once every profile is shared: start a forecast of the talks
 * (Monte Carlo over what is not known of the profiles, run on the server's forecast threads), follow it, cancel it.
 */
final class ForecastApi implements AutoCloseable {
    /** The longest a request may wait for a forecast to finish. */
    static final long MAX_WAIT_MILLIS = 30_000;

    private final Negotiations negotiations;
    private final Forecasts forecasts = new Forecasts();

    ForecastApi(Negotiations negotiations) {
        this.negotiations = negotiations;
    }

    List<ParleyServer.Route> routes() {
        return List.of(new ParleyServer.Route("POST", "/api/negotiations/{id}/forecast", this::start),
                new ParleyServer.Route("GET", "/api/negotiations/{id}/forecast", this::get),
                new ParleyServer.Route("POST", "/api/negotiations/{id}/forecast/cancel", this::cancel));
    }

    /** {"runs": 1000, "seed": 1, "analysisOnly": false}, each optional: starts the forecast; 202 with its state. */
    private void start(Context ctx) {
        String id = ctx.pathParam("id");
        negotiations.seat(id, Requests.token(ctx)); // the mediator's own seat: the organiser watches, never starts one
        Negotiations.ForecastInput in = negotiations.forecastInput(id, Requests.token(ctx));
        Fields f = ctx.body().isBlank()
                ? Fields.of(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                        .objectNode(), "")
                : Requests.fields(ctx);
        int runs = f.has("runs") ? f.integer("runs", 1, Forecasts.MAX_RUNS) : 1000;
        long seed = f.has("seed") ? f.longInteger("seed") : 1;
        boolean analysisOnly = f.has("analysisOnly") && f.bool("analysisOnly");
        f.done();
        ParleyServer.json(ctx, 202, forecasts.start(id, in.scenario(), in.settings(), runs, seed, !analysisOnly)
                .json());
    }

    /** The latest forecast: its state, progress and, once done, the forecast; {@code ?wait=MS} waits for the end. */
    private void get(Context ctx) throws InterruptedException {
        String id = ctx.pathParam("id");
        negotiations.forecastInput(id, Requests.token(ctx)); // the same access as starting one
        long wait = 0;
        String w = ctx.queryParam("wait");
        if (w != null) {
            try {
                wait = Long.parseLong(w);
            } catch (NumberFormatException e) {
                throw new dev.parley.engine.InvalidInput("wait", "wait must be a whole number of milliseconds, not '"
                        + w + "'");
            }
            if (wait < 0 || wait > MAX_WAIT_MILLIS) {
                throw new dev.parley.engine.InvalidInput("wait", "wait must be from 0 to " + MAX_WAIT_MILLIS
                        + " ms, not " + wait);
            }
        }
        var job = forecasts.get(id, wait);
        if (job.isEmpty()) {
            ParleyServer.error(ctx, 404, "no forecast of this negotiation yet: POST one");
            return;
        }
        ParleyServer.json(ctx, 200, job.get().json());
    }

    /** Stops the running forecast: the draws begun finish, the rest are skipped; 200 with its state. */
    private void cancel(Context ctx) {
        String id = ctx.pathParam("id");
        negotiations.seat(id, Requests.token(ctx)); // as starting one: the organiser may only read it
        negotiations.forecastInput(id, Requests.token(ctx));
        var job = forecasts.cancel(id);
        if (job.isEmpty()) {
            ParleyServer.error(ctx, 404, "no forecast of this negotiation to cancel");
            return;
        }
        ParleyServer.json(ctx, 200, job.get().json());
    }

    @Override
    public void close() {
        forecasts.close();
    }
}
