// The import rows of `npm run bench`: a generated Connections.csv imported through the real io path (parse →
// plan → commit) in an extension page against Chromium's IndexedDB, against a raw IndexedDB put of the same
// rows measured in the same run, and the backup export, validation and restore of the imported database.
// Every sample starts from an empty database.
import { launchWithExtension } from '../e2e/browser.mjs';
import { bundleScript } from './seedBundle.mjs';

const SEED = 7;

/** @param {{ rows?: number, runs?: number }} [opts] */
export async function importRows({ rows = 30_000, runs = 3 } = {}) {
  const ext = await launchWithExtension();
  try {
    // The bare manifest document: an extension page where no app UI runs queries during a measurement.
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/manifest.json`);
    await page.evaluate(await bundleScript('test/bench/importBench.ts', 'TrustNotesImportBench'));
    const samples = {
      parse: [],
      plan: [],
      commit: [],
      total: [],
      raw: [],
      export: [],
      validate: [],
      restore: [],
    };
    let detail;
    for (let run = 0; run < runs; run++) {
      const result = await page.evaluate(
        async ([n, seed]) => {
          const bench = globalThis.TrustNotesImportBench;
          await bench.emptyDatabase();
          const imported = await bench.timeImport(n, seed);
          const backup = await bench.timeBackup();
          const raw = await bench.timeRawInsert();
          return { imported, backup, raw };
        },
        [rows, SEED],
      );
      const { imported, backup, raw } = result;
      if (imported.created !== rows || raw.rows !== 2 * rows) {
        throw new Error(`import bench: expected ${rows} people and profiles, got ${JSON.stringify(result)}`);
      }
      for (const key of ['parse', 'plan', 'commit', 'total']) samples[key].push(imported[key]);
      for (const key of ['export', 'validate', 'restore']) samples[key].push(backup[key]);
      samples.raw.push(raw.ms);
      // Each sample as it comes: on a loaded machine a whole 30k run takes minutes.
      console.log(`import bench run ${run + 1}/${runs}: ${JSON.stringify(result)}`);
      detail = { fileMB: imported.fileBytes / 2 ** 20, backupMB: backup.backupBytes / 2 ** 20 };
    }
    console.log(
      `import bench: ${rows} rows, Connections.csv ${detail.fileMB.toFixed(1)} MB, backup ${detail.backupMB.toFixed(1)} MB`,
    );
    const k = rows.toLocaleString('en-US');
    const raw = `raw IndexedDB put: ${k} people + ${k} profiles`;
    return [
      { name: raw, unit: 'ms', samples: samples.raw },
      {
        name: `LinkedIn import: ${k} rows parsed and committed`,
        unit: 'ms',
        samples: samples.total,
        baseline: raw,
        target: '≤ 2 s; ≤ 2× raw',
      },
      { name: `  import: parse (${k} rows)`, unit: 'ms', samples: samples.parse },
      { name: `  import: plan (${k} rows)`, unit: 'ms', samples: samples.plan },
      { name: `  import: commit (${k} rows)`, unit: 'ms', samples: samples.commit, baseline: raw },
      { name: `backup export (${k} people)`, unit: 'ms', samples: samples.export },
      { name: `backup validate (${k} people)`, unit: 'ms', samples: samples.validate },
      { name: `backup restore (${k} people)`, unit: 'ms', samples: samples.restore },
    ];
  } finally {
    await ext.close();
  }
}
