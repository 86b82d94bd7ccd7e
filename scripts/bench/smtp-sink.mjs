// A local SMTP server for `npm run bench:mail`, in its own process so that it does not share
// the measured process's CPU: it accepts every message, reads it to the end, and counts
// messages per recipient. The parent asks for the counts over IPC.
import { SMTPServer } from 'smtp-server';

const counts = new Map();
let total = 0;
let last = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  size: 1_000_000,
  onData(stream, session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      for (const { address } of session.envelope.rcptTo) counts.set(address, (counts.get(address) ?? 0) + 1);
      total += 1;
      last = Date.now();
      callback();
    });
  },
});
server.on('error', () => {});

process.on('message', (message) => {
  if (message === 'reset') {
    counts.clear();
    total = 0;
    process.send({ reset: true });
  } else if (message === 'count') process.send({ total, last });
  else if (message === 'counts') {
    let more = 0;
    for (const n of counts.values()) if (n > 1) more += 1;
    process.send({ total, recipients: counts.size, twice: more, last });
  }
});

server.listen(0, '127.0.0.1', () => process.send({ port: server.server.address().port }));
