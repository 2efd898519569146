// Run by npmChromium.test.ts as a process of its own: waits for the moment given (so that several
// start together), unpacks the package described into the folder given, then at once runs the
// browser it was given and prints what that said.
import { execFileSync } from 'node:child_process';
import { npmChromium, type NpmChromiumPackage } from '../../e2e/npmChromium';

const [pkgJson = '{}', cacheRoot = '', startAt = '0'] = process.argv.slice(2);
const pkg = JSON.parse(pkgJson) as NpmChromiumPackage;
while (Date.now() < Number(startAt)) await new Promise((done) => setTimeout(done, 1));
const launcher = npmChromium(pkg, cacheRoot);
process.stdout.write(`${launcher}\n${execFileSync(launcher, { encoding: 'utf8' })}`);
