/** Chart inputs for the tests: the BTS case (bts.json, made by bts.R) and hand-made inputs (inputs.json). */
import { readFileSync } from 'node:fs';
import type {
  AttritionChartInput, BarometerChartInput, CrossTabChartInput, DriverChartInput, FactorChartInput, IpaChartInput,
  NpsChartInput, RfmHeatmapInput, RfmSegmentInput, RoiChartInput,
} from '@satlab/charts';

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

export const bts = read('bts.json') as { crossTab: CrossTabChartInput; ipa: IpaChartInput };
export const inputs = read('inputs.json') as {
  ipaWithCI: IpaChartInput;
  nps: NpsChartInput;
  drivers: DriverChartInput;
  efa: FactorChartInput;
  rfmCells: RfmHeatmapInput;
  rfmSegments: RfmSegmentInput;
  barometer: BarometerChartInput;
  attrition: AttritionChartInput;
  roi: RoiChartInput;
};
