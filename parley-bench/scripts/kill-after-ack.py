#!/usr/bin/env python3
"""Kill-after-ack loop against a real `parley serve` (H2 in a fresh data folder), on loopback.

Each round: UA votes over HTTP, the 200 arrives, the server is SIGKILLed at once, started again, and the vote is
looked for in UA's view; the log's length (GET /api/negotiations, "events") is read before the kill and after the
restart. Prints one line a round and "lost N of M". A reproduction for issue 12's durability work, not a test.

Usage: python3 kill-after-ack.py ROUNDS [JAVA] [JAR]   (defaults: java on PATH, parley-cli/target/parley.jar)
"""
import json, shutil, signal, subprocess, sys, tempfile, time, urllib.request

rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 40
java = sys.argv[2] if len(sys.argv) > 2 else 'java'
jar = sys.argv[3] if len(sys.argv) > 3 else 'parley-cli/target/parley.jar'
data = tempfile.mkdtemp(prefix='parley-kill-')
port = 18431


def start():
    p = subprocess.Popen([java, '-jar', jar, 'serve', '--port', str(port), '--data', data],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(400):
        try:
            urllib.request.urlopen(f'http://127.0.0.1:{port}/api/health', timeout=1)
            return p
        except Exception:
            time.sleep(0.05)
    raise SystemExit('the server did not start')


def call(method, path, token, body=None):
    req = urllib.request.Request(f'http://127.0.0.1:{port}{path}', method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json'})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())


def log_length(admin, nid):
    return [n['events'] for n in call('GET', '/api/negotiations', admin) if n['id'] == nid][0]


p = start()
admin = open(data + '/admin-token').read().strip()
created = call('POST', '/api/negotiations', admin, {'scenario': 'ceasefire-2025', 'agents': {
    'US': 'hill-climb', 'RU': 'truthful', 'EU': 'truthful'}})
nid, ua = created['id'], created['tokens']['UA']
lost = 0
for i in range(rounds):
    before = call('GET', '/api/negotiations/' + nid, ua)
    if before['ended']:
        break
    votes = sum(1 for e in before['events'] if e['type'] == 'voted' and e['party'] == 'UA')
    call('POST', f'/api/negotiations/{nid}/moves', ua, {'type': 'vote', 'accept': i % 2 == 0})
    acked_log = log_length(admin, nid)
    p.send_signal(signal.SIGKILL)
    p.wait()
    p = start()
    after = call('GET', '/api/negotiations/' + nid, ua)
    kept = sum(1 for e in after['events'] if e['type'] == 'voted' and e['party'] == 'UA') > votes
    lost += 0 if kept else 1
    print(i, 'kept' if kept else 'LOST', 'log', acked_log, '->', log_length(admin, nid), flush=True)
print('lost', lost, 'of', rounds)
p.send_signal(signal.SIGKILL)
shutil.rmtree(data, ignore_errors=True)
