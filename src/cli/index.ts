// Process entry of the bundled CLI (dist/cli.cjs, which bin/masterplan.js runs; dist/cli.js is the same as an ES module).
import { main } from './main.js';

// Output piped into `head` and closed early is not a failure of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
