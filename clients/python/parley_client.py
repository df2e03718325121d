"""A client for Parley's server: create and join negotiations, read a seat's view, make moves, follow the live
stream with resume, and write agents.

The standard library only, plus Debian's ``python3-websockets`` for the live stream. The API is described in
``docs/api.md`` of the repository and at ``/openapi.json`` on a server.

    admin = Admin("http://127.0.0.1:8080", "admin-token")
    created = admin.create(agents={"RU": "truthful", "EUR": "truthful", "US": "hill-climb"})
    seat = Seat("http://127.0.0.1:8080", created["id"], created["tokens"]["UA"])
    print(seat.view()["phase"])
"""

import asyncio
import json
import urllib.error
import urllib.parse
import urllib.request

__all__ = ["ParleyError", "Admin", "Seat", "Agent"]


class ParleyError(Exception):
    """An answer other than 2xx: its HTTP status and the server's error shape (``error``, ``details``, ``field``)."""

    def __init__(self, status, error, details=(), field=None):
        super().__init__(f"{status}: {error}" + (f" ({field})" if field else ""))
        self.status = status
        self.error = error
        self.details = list(details)
        self.field = field


class _Http:
    def __init__(self, base_url, token, timeout=30):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout

    def call(self, method, path, body=None, raw=False):
        """The answer's JSON, or with ``raw`` its text (a CSV, an HTML page, a transcript)."""
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.base_url + path, data=data, method=method)
        request.add_header("Authorization", "Bearer " + self.token)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                text = answer.read().decode("utf-8")
                if raw:
                    return text
                return json.loads(text) if text else None
        except urllib.error.HTTPError as e:
            text = e.read().decode("utf-8", "replace")
            try:
                shape = json.loads(text)
            except ValueError:
                shape = {"error": text or e.reason}
            raise ParleyError(e.code, shape.get("error", ""), shape.get("details", ()), shape.get("field")) from None


class Admin:
    """The organiser's side, with the admin token: create negotiations (one or a class's), list and close them, fill
    seats and issue invites again, download the debriefs."""

    def __init__(self, base_url, token, timeout=30):
        self._http = _Http(base_url, token, timeout)

    def create(self, scenario="ceasefire-2025", protocol=None, rounds=None, agents=None, shared=None, seed=None):
        """Creates a negotiation; answers ``{"id", "tokens": {party: token}, "note"}``: each token shown once."""
        return self._http.call("POST", "/api/negotiations", self._startup(scenario, protocol, rounds, agents, shared,
                                                                         seed))

    def create_class(self, name, groups, scenario="ceasefire-2025", protocol=None, rounds=None, agents=None,
                     shared=None, seed=None):
        """One negotiation per group, all alike; answers ``{"class", "negotiations": [{"group", "id", "tokens"}]}``."""
        body = self._startup(scenario, protocol, rounds, agents, shared, seed)
        body.update({"class": name, "groups": groups})
        return self._http.call("POST", "/api/classes", body)

    @staticmethod
    def _startup(scenario, protocol, rounds, agents, shared, seed):
        body = {"scenario": scenario}
        for key, value in (("protocol", protocol), ("rounds", rounds), ("agents", agents), ("shared", shared),
                           ("seed", seed)):
            if value is not None:
                body[key] = value
        return body

    def negotiations(self, class_name=None):
        """Every negotiation (or one class's, by group): status, scenario, protocol, seats, last activity."""
        query = "" if class_name is None else "?class=" + urllib.parse.quote(class_name)
        return self._http.call("GET", "/api/negotiations" + query)

    def reissue(self, negotiation, party):
        """A new invite for a person's seat; the old token stops working at once. Answers ``{"party", "token"}``."""
        return self._http.call("POST", f"/api/negotiations/{negotiation}/seats/{urllib.parse.quote(party)}/invite", {})

    def debrief(self, negotiation, format="json"):
        """The negotiation's debrief: a dict for ``json``, else the text of the ``csv``, ``html`` or ``transcript``."""
        return self._http.call("GET", f"/api/negotiations/{negotiation}/debrief?format={format}",
                               raw=format != "json")

    def class_debrief(self, name, format="json"):
        """A class's debrief, its groups side by side: a dict for ``json``, else the ``csv`` or ``html`` text."""
        return self._http.call("GET", f"/api/classes/{urllib.parse.quote(name)}/debrief?format={format}",
                               raw=format != "json")

    def close(self, negotiation):
        return self._http.call("POST", f"/api/negotiations/{negotiation}/close", {})

    def seat(self, negotiation, party, agent=None):
        """Fills a seat that has not moved: with an agent spec, or with a person (a new token) when ``agent`` is None."""
        return self._http.call("POST", f"/api/negotiations/{negotiation}/seats/{urllib.parse.quote(party)}",
                               {} if agent is None else {"agent": agent})


class Seat:
    """One seat of one negotiation, with its token: what a delegation, a mediator or an agent does."""

    def __init__(self, base_url, negotiation, token, timeout=30):
        self._http = _Http(base_url, token, timeout)
        self.base_url = base_url.rstrip("/")
        self.negotiation = negotiation
        self.token = token
        self._path = f"/api/negotiations/{negotiation}"

    def view(self):
        """The seat view: phase, the actions this seat may take, what is on the table, every event it may see."""
        return self._http.call("GET", self._path)

    def move(self, action):
        """Makes a move (an action object, e.g. ``{"type": "vote", "accept": True}``); answers the events since."""
        return self._http.call("POST", self._path + "/moves", action)["events"]

    def profile(self):
        """This seat's own profile, as ``parley/1`` writes it."""
        return self._http.call("GET", self._path + "/profile")

    def share(self):
        """Shares this seat's profile with the mediator (durable and final)."""
        return self._http.call("POST", self._path + "/share", {})

    def live_url(self, after=0):
        scheme = "wss" if self.base_url.startswith("https") else "ws"
        host = self.base_url.split("://", 1)[1]
        query = urllib.parse.urlencode({"token": self.token, "after": after})
        return f"{scheme}://{host}{self._path}/live?{query}"

    async def live(self, after=0, reconnect=True):
        """The seat's events as they happen, one batch (a list, possibly empty) at a time, from event ``after`` on.

        When the connection drops (or the server closes it with 4408, the client having fallen behind), it
        reconnects with ``after`` set to the last event number seen, so no event is missed and none comes twice.
        Stops once the talks have ended and everything before the end has been handed over.
        """
        import websockets  # Debian: python3-websockets

        last = after
        while True:
            try:
                async with websockets.connect(self.live_url(last)) as ws:
                    async for message in ws:
                        events = [e for e in json.loads(message)["events"] if e["seq"] > last]
                        if events:
                            last = events[-1]["seq"]
                        yield events
                        if any(e.get("type") == "ended" for e in events):
                            return
            except websockets.ConnectionClosed as e:
                code = getattr(e, "code", None) if not hasattr(e, "rcvd") or e.rcvd is None else e.rcvd.code
                if code in (4400, 4403, 4404) or not reconnect:
                    raise ParleyError(code or 0, f"the live stream was closed ({code})") from None
            except OSError:
                if not reconnect:
                    raise
            if self.view()["ended"]:
                return


class Agent:
    """A small base for agents: override :meth:`decide`; :meth:`play` follows the talks and moves when asked.

    ``decide(view, profile)`` gets the seat view and this seat's own profile whenever the seat may act
    (``view["actions"]`` is not empty) and returns one action object.
    """

    def decide(self, view, profile):
        raise NotImplementedError

    def play(self, seat):
        """Plays ``seat`` until the talks end; answers the final view."""
        return asyncio.run(self._play(seat))

    async def _play(self, seat):
        profile = seat.profile()
        self._act(seat, profile)
        async for _ in seat.live():
            self._act(seat, profile)
        return seat.view()

    def _act(self, seat, profile):
        while True:
            view = seat.view()
            if view["ended"] or not view["actions"]:
                return
            try:
                seat.move(self.decide(view, profile))
            except ParleyError as e:
                if e.status != 409:  # 409: the talks moved on meanwhile; look again
                    raise

    @staticmethod
    def utility(view, profile, package):
        """u(x) = Σ weight × value of the option the package takes, by this seat's profile; the options' order is
        the scenario's, from the view (interaction terms, if the profile has any, are left out)."""
        u = 0.0
        for issue in view["scenario"]["issues"]:
            options = [o["id"] for o in issue["options"]]
            u += profile["weights"][issue["id"]] * profile["values"][issue["id"]][options.index(package[issue["id"]])]
        return u

    @staticmethod
    def breaks_red_line(profile, package):
        """Whether the package takes an option this seat's profile rules out."""
        return any(package[issue] in options for issue, options in profile.get("redLines", {}).items())
