/** A dialog that shows a message and a link the server made (e.g. a new Google Doc), and closes. */
import { byId } from '../../shared/dom';

const link = byId<HTMLAnchorElement>('link');
// Only web addresses are links; anything else would be a script in disguise.
if (!/^https:\/\//i.test(link.getAttribute('href') ?? '')) link.removeAttribute('href');
byId<HTMLButtonElement>('close').addEventListener('click', () => google.script.host.close());
link.focus();
