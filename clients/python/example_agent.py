"""An example agent: plays a seat of single-text (a voter, e.g. Ukraine's in the default scenario) through the API.

It votes for any text it could sign — no red line broken and worth at least its reservation — and, on a
proposal, criticises the issue that costs it most with the option it wants there (the mediator hears it once
the ballot closes). In the offer protocols it accepts an acceptable standing offer and otherwise offers its
own best package.

    python3 example_agent.py --url http://127.0.0.1:8080 --negotiation ID --token SEAT-TOKEN
"""

import argparse

from parley_client import Agent, Seat


class CouldSign(Agent):
    def decide(self, view, profile):
        table = view["onTable"]
        acceptable = table is not None and not self.breaks_red_line(profile, table) and self.utility(
            view, profile, table) >= profile["reservation"]
        if "vote" in view["actions"]:
            vote = {"type": "vote", "accept": acceptable}
            if view["phase"] == "vote":
                issue, best = self.costliest(view, profile, table)
                if issue is not None:
                    vote.update(objections=[issue], toward=[best])
            return vote
        if "accept" in view["actions"] and acceptable and view.get("tabledBy") != view["party"]:
            return {"type": "accept"}
        if "offer" in view["actions"]:
            return {"type": "offer", "package": self.best(view, profile)}
        return {"type": "end", "reason": "nothing this agent knows how to do here"}

    def costliest(self, view, profile, package):
        """The issue where the package falls furthest short of this seat's best option, and that option."""
        worst, loss = (None, None), 0.0
        for issue in view["scenario"]["issues"]:
            options = [o["id"] for o in issue["options"]]
            values = profile["values"][issue["id"]]
            best = max(range(len(options)), key=lambda k: values[k])
            cost = profile["weights"][issue["id"]] * (values[best] - values[options.index(package[issue["id"]])])
            if cost > loss:
                worst, loss = (issue["id"], options[best]), cost
        return worst

    def best(self, view, profile):
        out = {}
        for issue in view["scenario"]["issues"]:
            options = [o["id"] for o in issue["options"]]
            values = profile["values"][issue["id"]]
            allowed = [k for k in range(len(options)) if options[k] not in profile.get("redLines", {}).get(
                issue["id"], [])]
            out[issue["id"]] = options[max(allowed, key=lambda k: values[k])]
        return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the server, e.g. http://127.0.0.1:8080")
    parser.add_argument("--negotiation", required=True, help="the negotiation's id")
    parser.add_argument("--token", required=True, help="the seat's token")
    args = parser.parse_args()
    final = CouldSign().play(Seat(args.url, args.negotiation, args.token))
    print("agreement:" if final["agreement"] else "no agreement", final["agreement"] or "")


if __name__ == "__main__":
    main()
