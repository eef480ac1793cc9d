import type { Setting } from './setting.js';
import { SETTINGS } from './settings.js';

const code = (text: string | undefined): string => (text === undefined ? '–' : `\`${text}\``);

/** A setting's row in docs/defaults.md: its names in each place, its default and what it does. */
export function settingRow(setting: Setting<unknown>): string {
  const cli = setting.cliFlag === undefined ? '–' : `${code(setting.cliFlag)} / ${code(setting.cliEnv)}`;
  return `| ${code(setting.context)} | ${code(setting.lambdaEnv)} | ${cli} | ${setting.defaultText} | ${setting.description} |`;
}

/** The table docs/defaults.md holds, header included. */
export function settingsTable(): string {
  return [
    '| CDK context | Function environment | CLI flag / environment | Default | What it does |',
    '| --- | --- | --- | --- | --- |',
    ...SETTINGS.map((setting) => settingRow(setting)),
  ].join('\n');
}
