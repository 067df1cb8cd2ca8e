// `--format sarif`: the findings as one SARIF 2.1.0 log (OASIS Standard) for code-scanning
// dashboards and CI. One run; the driver lists every assertion rule with its descriptions, default
// level and help page; each result points at its sentence by line/column (UTF-16 code units, as the
// run's `columnKind` says) and by character offset, with the sentence as a snippet. A file that could
// not be read or analysed is a tool execution notification, and makes the invocation unsuccessful.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { ASSERTION_RULES, RULES, RULE_HELP_BASE, type AssertionRule, type Severity } from '../protocol/rules.ts';
import { LineMap, defaultSeverities, findingsOf, type Result, type SeverityMap } from './format.ts';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/diplomatic-lens/diplomatic-lens';
/** The base the artifact URIs are relative to: the directory the CLI ran in. */
export const SRCROOT = '%SRCROOT%';

export interface SarifInput {
  results: Result[];
  /** Files that could not be read or analysed, with the reason. */
  failures: Array<{ file: string; error: string }>;
  severities?: SeverityMap;
  version: string;
  /** The directory artifact URIs are relative to (default: the current directory). */
  cwd?: string;
  /** The exit code the CLI is about to return, recorded in the invocation. */
  exitCode?: number;
}

/** SARIF has three result levels: hint and information are both `note`. */
export function sarifLevel(s: Severity): Sarif.ReportingConfiguration.level {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : s === 'off' ? 'none' : 'note';
}

/**
 * A file name as SARIF wants it: a URI reference relative to %SRCROOT% (the current directory),
 * forward slashes, each segment percent-encoded; a file outside that directory as an absolute
 * file: URI.
 */
export function artifactLocation(file: string, cwd: string): Sarif.ArtifactLocation {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(abs).href };
}

export function ruleDescriptor(id: AssertionRule): Sarif.ReportingDescriptor {
  const r = RULES[id];
  return {
    id,
    name: r.name,
    shortDescription: { text: r.short },
    fullDescription: { text: r.full },
    helpUri: `${RULE_HELP_BASE}${id}.md`,
    help: { text: `${r.full} See ${RULE_HELP_BASE}${id}.md` },
    defaultConfiguration: r.defaultSeverity === 'off' ? { enabled: false, level: 'none' } : { level: sarifLevel(r.defaultSeverity) },
  };
}

export function toSarif(input: SarifInput): Sarif.Log {
  const cwd = input.cwd ?? process.cwd();
  const severities = input.severities ?? defaultSeverities();
  const rules = ASSERTION_RULES.map(ruleDescriptor);
  const artifacts: Sarif.Artifact[] = [];
  const results: Sarif.Result[] = [];
  for (const r of input.results) {
    const location = artifactLocation(r.file, cwd);
    const index = artifacts.length;
    artifacts.push({
      location,
      length: Buffer.byteLength(r.source, 'utf8'),
      encoding: 'utf-8',
      mimeType: /\.(md|markdown)$/i.test(r.file) ? 'text/markdown' : 'text/plain',
      roles: ['analysisTarget'],
    });
    const lines = new LineMap(r.source);
    for (const f of findingsOf(r, severities, lines)) {
      // Text properties do not count a BOM (SARIF 2.1.0 §3.30.2); the core's offsets do.
      const charOffset = Math.max(f.start - lines.bom, 0);
      results.push({
        ruleId: f.rule,
        ruleIndex: ASSERTION_RULES.indexOf(f.rule),
        level: sarifLevel(f.severity),
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { ...location, index },
              region: {
                startLine: f.line,
                startColumn: f.column,
                endLine: f.endLine,
                endColumn: f.endColumn,
                charOffset,
                charLength: f.end - f.start,
                snippet: { text: f.text },
              },
            },
          },
        ],
      });
    }
  }
  const overrides: Sarif.ConfigurationOverride[] = [];
  ASSERTION_RULES.forEach((id, index) => {
    const s = severities[id];
    if (s === RULES[id].defaultSeverity) return;
    overrides.push({ descriptor: { id, index }, configuration: s === 'off' ? { enabled: false, level: 'none' } : { enabled: true, level: sarifLevel(s) } });
  });
  const notifications: Sarif.Notification[] = input.failures.map((x) => ({
    level: 'error',
    message: { text: `${x.file}: ${x.error}` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(x.file, cwd) } }],
  }));
  const invocation: Sarif.Invocation = {
    executionSuccessful: input.failures.length === 0,
    ...(input.exitCode !== undefined ? { exitCode: input.exitCode } : {}),
    ...(overrides.length ? { ruleConfigurationOverrides: overrides } : {}),
    ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
  };
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Diplomatic Lens',
            version: input.version,
            semanticVersion: input.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        invocations: [invocation],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
        newlineSequences: ['\r\n', '\n', '\r'],
        defaultEncoding: 'utf-8',
      },
    ],
  };
}
