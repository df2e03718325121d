#!/usr/bin/env python3
"""The kill-after-ack soak: a real `parley serve`, SIGKILLed right after each acknowledged move, on loopback.

Each round: the party to move sends an offer (saop, a person in every seat), the 200 arrives, the server is
SIGKILLed at once with no other request in between, started again, and UA's view must hold every event
acknowledged so far, exactly. The same loop as ServeKillIT in `./mvnw verify`, for many more kills. Prints a line
every 50 kills and "lost N of M kills"; exits 1 when any move was lost or the audit is not intact.

Usage: python3 kill-after-ack.py KILLS [--java JAVA] [--jar JAR] [--db JDBC-URL]
(defaults: 1000 kills, java on PATH, parley-cli/target/parley.jar, the default H2 store in a fresh data folder)
"""
import argparse, json, os, shutil, signal, subprocess, sys, tempfile, time, urllib.request

ap = argparse.ArgumentParser()
ap.add_argument('kills', type=int, nargs='?', default=1000)
ap.add_argument('--java', default='java')
ap.add_argument('--jar', default='parley-cli/target/parley.jar')
ap.add_argument('--db')
args = ap.parse_args()
data = tempfile.mkdtemp(prefix='parley-kill-')
archive = os.path.join(data, 'parley.jsa')
fast = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC']


def start(jvm):
    cmd = [args.java] + fast + jvm + ['-jar', args.jar, 'serve', '--port', '0', '--data', data + '/d']
    cmd += ['--db', args.db] if args.db else []
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                         env=dict(os.environ, PARLEY_ADMIN_TOKEN='admin'))
    for line in p.stdout:  # the server says where it listens; nothing is polled
        if 'Parley is serving on' in line:
            return p, int(line.rsplit(':', 1)[1].split('/')[0])
    raise SystemExit('the server exited before listening')


def call(port, method, path, token, body=None):
    req = urllib.request.Request(f'http://127.0.0.1:{port}{path}', method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json'})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read())


p, _ = start(['-XX:ArchiveClassesAtExit=' + archive])  # one clean stop writes the class-data archive
p.send_signal(signal.SIGTERM)
p.wait()
jvm = ['-XX:SharedArchiveFile=' + archive, '-Xshare:auto']
p, port = start(jvm)
created = call(port, 'POST', '/api/negotiations', 'admin', {'scenario': 'ceasefire-2025', 'protocol': 'saop',
                                                            'rounds': 10000})  # a served negotiation's most
nid, tokens = created['id'], created['tokens']
view = call(port, 'GET', '/api/negotiations/' + nid, tokens['UA'])
expected = view['events']
lost, began = 0, time.time()
for k in range(args.kills):
    mover = view['toMove'][0]
    offer = {'type': 'offer', 'package': {i['id']: i['options'][k % len(i['options'])]['id']
                                          for i in view['scenario']['issues']}}
    reply = call(port, 'POST', f'/api/negotiations/{nid}/moves', tokens[mover], offer)
    p.send_signal(signal.SIGKILL)
    p.wait()
    expected = expected + reply['events']
    p, port = start(jvm)
    view = call(port, 'GET', '/api/negotiations/' + nid, tokens['UA'])
    if view['events'] != expected:
        lost += 1
        print(k, 'LOST: acknowledged', len(expected), 'events, found', len(view['events']), flush=True)
        expected = view['events']
    if (k + 1) % 50 == 0:
        print(k + 1, 'kills,', lost, 'lost,', round(time.time() - began), 's', flush=True)
audit = call(port, 'GET', f'/api/negotiations/{nid}/audit', 'admin')
print('lost', lost, 'of', args.kills, 'kills;', len(expected), 'events; audit:', audit['reason'],
      f'({round(time.time() - began)} s)')
p.send_signal(signal.SIGTERM)
p.wait()
shutil.rmtree(data, ignore_errors=True)
sys.exit(0 if lost == 0 and audit['intact'] else 1)
