/** The certificates' dialog: links to the merged Google Doc and its PDF export, and a close button. */
import { byId } from '../../shared/dom';

for (const id of ['doc', 'pdf']) {
  const link = byId<HTMLAnchorElement>(id);
  // Only Google Docs addresses are links; anything else would be a script in disguise.
  if (!/^https:\/\/docs\.google\.com\//i.test(link.getAttribute('href') ?? '')) link.removeAttribute('href');
}
byId<HTMLButtonElement>('close').addEventListener('click', () => google.script.host.close());
byId<HTMLAnchorElement>('doc').focus();
