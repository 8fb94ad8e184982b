// `diemtin cluster < in.jsonl > out.jsonl`: which items are copies of one story.
import { Command } from 'commander';
import { TextItem } from '../../schema.ts';
import { cluster } from '../../../pipeline/cluster.ts';
import { readJsonLines, writeLine } from '../io.ts';
import { parseItem } from './parse-item.ts';

export function clusterCommand(): Command {
  return new Command('cluster')
    .description('group syndicated copies into stories; reach = distinct outlets')
    .addHelpText(
      'after',
      '\nInput lines: {id, title, sapo?, body, url?, source?, publishedAt?}\n' +
        'Output lines, same order: {id, storyId, reach}.\n\n' +
        'Example:\n  diemtin cluster < items.jsonl > stories.jsonl',
    )
    .action(async () => {
      // Clustering needs every item before it can answer, so the input is read whole.
      const items: TextItem[] = [];
      for await (const [n, value] of readJsonLines('cluster')) {
        items.push(parseItem(TextItem, value, 'cluster', n));
      }
      for (const assignment of cluster(items)) await writeLine(JSON.stringify(assignment));
    });
}
