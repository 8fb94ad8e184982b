// Child process of the kill test: one delivery run of a sent bulletin against the test SMTP
// server. Run as: node --import tsx deliver-child.ts <db> <port> <digestId>
import { readArchivedMail } from '../../src/bulletin/archive.ts';
import { smtpSenderFromConfig } from '../../src/bulletin/send-job.ts';
import { deliverPending } from '../../src/delivery/deliver.ts';
import { openStore } from '../../src/store/index.ts';
import { testConfig } from '../bulletin/setup.ts';

const [db, port, id] = process.argv.slice(2);
const app = testConfig(Number(port));
const store = openStore(db!);
const manifest = store.bulletins().get(Number(id))!.archive!;
const report = await deliverPending({
  store,
  sender: smtpSenderFromConfig(app.mail!),
  from: app.mail!.from,
  retry: app.mail!.retry,
  content: () => readArchivedMail(manifest),
  digestId: Number(id),
});
process.stdout.write(JSON.stringify(report) + '\n');
store.close();
