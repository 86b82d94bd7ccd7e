import { spawn } from 'node:child_process';

export interface CommandResult {
  output: string;
}

/**
 * Runs the build command in its own process group, so a timeout kills it and everything
 * it started. Rejects with the end of its output on failure, a crash or a timeout.
 */
export function runCommand(
  argv: string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; timeoutMs: number },
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), {
      env: options.env,
      cwd: options.cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Could not start the build command (${argv[0]}): ${error.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const tail = output.trim().split('\n').slice(-15).join('\n');
      if (timedOut) reject(new Error(`The build timed out after ${Math.round(options.timeoutMs / 1000)} s\n${tail}`));
      else if (code !== 0) reject(new Error(`The build failed (${signal ?? `exit ${code}`})\n${tail}`));
      else resolve({ output });
    });
  });
}
