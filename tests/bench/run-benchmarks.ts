// `npm run bench`: every benchmark in one run, each printing its figures and ratios against a naive baseline.
import { formatBenchResults, runReachabilityBenchmarks } from './reachability.bench';
import { runImportBenchmarks } from './import.bench';
import { runFacilityLayerBenchmarks } from './facilityLayer.bench';
import { runStorageBenchmarks } from './storage.bench';
import { runLargeFacilitiesBenchmarks } from './largeFacilities.bench';
import { formatScenarioResults, runScenarioBenchmarks } from './scenario.bench';
import { formatZoneCoverageResults, runZoneCoverageBenchmarks } from './zoneCoverage.bench';
import { runServiceZonesBenchmark } from './serviceZones.bench';
import { formatWalkNetworkResults, runWalkNetworkBenchmarks } from './walkNetwork.bench';
import { formatSiteFinderResults, runSiteFinderBenchmarks } from './siteFinder.bench';

console.log(`Node ${process.version}, ${new Date().toISOString()}\n`);
console.log(formatBenchResults(await runReachabilityBenchmarks()));
console.log('');
await runFacilityLayerBenchmarks();
console.log('');
await runImportBenchmarks();
console.log('');
await runStorageBenchmarks();
console.log('');
await runLargeFacilitiesBenchmarks();
console.log('');
console.log(formatScenarioResults(runScenarioBenchmarks()));
console.log('');
console.log(formatZoneCoverageResults(runZoneCoverageBenchmarks()));
console.log('');
const zones = runServiceZonesBenchmark();
console.log(zones.lines.join('\n'));
if (zones.failures.length > 0) {
  console.error(`FAILED: ${zones.failures.join('; ')}`);
  process.exitCode = 1;
}
console.log('');
console.log(formatWalkNetworkResults(runWalkNetworkBenchmarks()));
console.log('');
const finder = await runSiteFinderBenchmarks();
console.log(formatSiteFinderResults(finder.results));
if (finder.failures.length > 0) {
  console.error(`FAILED: ${finder.failures.join('; ')}`);
  process.exitCode = 1;
}
console.log('\nThe same file in Chromium (parse, save, longest main-thread task, preview, heap): npm run bench:browser');
