"""The client against a real ``parley serve`` on loopback: started here from the jar named by PARLEY_JAR with the
Java named by PARLEY_JAVA (the build's ``PythonClientIT`` sets both), on a free port, with its own data folder."""

import asyncio
import os
import re
import subprocess
import tempfile
import unittest

from example_agent import CouldSign
from parley_client import Admin, ParleyError, Seat

ADMIN = "python-client-test-admin"


class ServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.data = tempfile.TemporaryDirectory()
        env = dict(os.environ, PARLEY_ADMIN_TOKEN=ADMIN)
        cls.server = subprocess.Popen(
            [os.environ.get("PARLEY_JAVA", "java"), "-jar", os.environ["PARLEY_JAR"], "serve", "--port", "0",
             "--data", cls.data.name], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True)
        # the server says where it listens; reading its lines blocks until it does (or exits)
        for line in cls.server.stdout:
            m = re.search(r"Parley is serving on (http://127\.0\.0\.1:\d+)/api", line)
            if m:
                cls.url = m.group(1)
                break
        else:
            raise AssertionError("parley serve exited before listening: exit %s" % cls.server.wait())
        cls.admin = Admin(cls.url, ADMIN)

    @classmethod
    def tearDownClass(cls):
        cls.server.terminate()
        cls.server.wait(timeout=30)
        cls.server.stdout.close()
        cls.data.cleanup()

    def negotiation(self, people=("UA",), **settings):
        agents = {p: a for p, a in {"US": "hill-climb", "RU": "truthful", "EUR": "truthful"}.items()
                  if p not in people}
        created = self.admin.create(agents=agents, **settings)
        return created["id"], {p: Seat(self.url, created["id"], t) for p, t in created["tokens"].items()}

    def test_theExampleAgent_playsUkrainesSeat_toTheEnd(self):
        nid, seats = self.negotiation()
        final = CouldSign().play(seats["UA"])
        self.assertTrue(final["ended"])
        self.assertEqual("ended", final["events"][-1]["type"])
        votes = [e for e in final["events"] if e["type"] in ("adopted", "rejected-by-vote", "not-adopted")]
        self.assertTrue(final["agreement"] or votes, "the talks went through ballots")
        if final["agreement"]:  # it voted for the deal: it could sign it
            profile = seats["UA"].profile()
            self.assertGreaterEqual(CouldSign.utility(final, profile, final["agreement"]), profile["reservation"])
        self.assertIn(nid, [n["id"] for n in self.admin.negotiations()])

    def test_theLiveStream_resumesAfterTheEventGiven(self):
        nid, seats = self.negotiation(people=("UA", "US"))
        mediator = seats["US"]
        # the mediator proposes twice, so that Ukraine's seat has several events to resume among
        for options in (0, 1):
            view = mediator.view()
            text = dict(view["currentText"])
            first = view["scenario"]["issues"][options]
            text[first["id"]] = next(o["id"] for o in first["options"] if o["id"] != text[first["id"]])
            mediator.move({"type": "propose", "text": text})
            for party in ("US", "UA"):  # the people vote (the mediator too: it ratifies), each when asked
                if "vote" in seats[party].view()["actions"]:
                    seats[party].move({"type": "vote", "accept": True})
        seen = seats["UA"].view()["events"]
        self.assertGreater(len(seen), 3)
        after = seen[1]["seq"]

        async def first_batch():
            async for batch in seats["UA"].live(after=after):
                return batch

        batch = asyncio.run(first_batch())
        self.assertEqual([e for e in seen if e["seq"] > after], batch)

    def test_errors_carryTheServersShape(self):
        nid, seats = self.negotiation(people=("UA", "US"))
        with self.assertRaises(ParleyError) as out_of_turn:
            seats["UA"].move({"type": "vote", "accept": True})  # the mediator proposes first
        self.assertEqual(409, out_of_turn.exception.status)
        with self.assertRaises(ParleyError) as bad:
            self.admin.create(agents={"RU": "no-such-agent"})
        self.assertEqual(400, bad.exception.status)
        self.assertIn("no-such-agent", bad.exception.error)
        with self.assertRaises(ParleyError) as wrong_token:
            Seat(self.url, nid, "not-a-token").view()
        self.assertEqual(403, wrong_token.exception.status)

    def test_aClosedNegotiation_takesNoMove(self):
        nid, seats = self.negotiation(people=("UA", "US"))
        self.assertEqual("closed", self.admin.close(nid)["status"])
        view = seats["US"].view()
        with self.assertRaises(ParleyError) as closed:
            seats["US"].move({"type": "propose", "text": dict(view["currentText"])})
        self.assertEqual(409, closed.exception.status)

    def test_aClass_isListedWithItsStatus_reinvitedAndDebriefed(self):
        made = self.admin.create_class("Python seminar", 2, agents={"RU": "truthful", "EUR": "truthful",
                                                                    "UA": "truthful"},
                                       shared=["RU", "EUR", "UA"])
        self.assertEqual([1, 2], [n["group"] for n in made["negotiations"]])
        first = made["negotiations"][0]
        old = first["tokens"]["US"]
        fresh = self.admin.reissue(first["id"], "US")["token"]
        with self.assertRaises(ParleyError) as refused:
            Seat(self.url, first["id"], old).view()
        self.assertEqual(403, refused.exception.status)
        mediator = Seat(self.url, first["id"], fresh)
        view = mediator.view()
        self.assertEqual("US", view["party"])
        listed = self.admin.negotiations("Python seminar")
        self.assertEqual([first["id"], made["negotiations"][1]["id"]], [n["id"] for n in listed])
        self.assertEqual(["open", "open"], [n["status"] for n in listed])
        us = next(s for s in listed[0]["seats"] if s["party"] == "US")
        self.assertTrue(us["joined"])  # the new invite was opened
        # the mediator ends the drafting at once: everyone ratifies the opening text or not; either way it ends
        mediator.move({"type": "end"})
        if "vote" in mediator.view()["actions"]:
            mediator.move({"type": "vote", "accept": True})
        ended = mediator.view()
        self.assertTrue(ended["ended"])
        status = self.admin.negotiations("Python seminar")[0]["status"]
        self.assertEqual("agreed" if ended["agreement"] else "no-agreement", status)
        debrief = self.admin.debrief(first["id"])
        self.assertEqual(status, debrief["negotiation"]["status"])
        self.assertEqual(ended["agreement"], debrief["result"].get("package"))
        self.assertTrue(self.admin.debrief(first["id"], "csv").startswith("round,party,change,"))
        self.assertIn("<canvas", self.admin.class_debrief("Python seminar", "html"))
        self.assertEqual(2, len(self.admin.class_debrief("Python seminar")["groups"]))


if __name__ == "__main__":
    unittest.main()
