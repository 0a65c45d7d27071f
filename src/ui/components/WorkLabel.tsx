import type { SharedWork } from '../../core/types.ts';
import { formatPartialDate } from '../i18n/locale.ts';
import { workLabelParts } from '../i18n/workText.ts';

/**
 * "Kind: title (date)", the date at the precision it has, in the UI's language. The title is the user's text in
 * any language, so it and the date are isolated: an English title in the Arabic UI keeps its own direction.
 */
export function WorkLabel({ work }: { work: SharedWork }) {
  const { kind, title, date } = workLabelParts(work);
  return (
    <>
      {kind}
      {title ? (
        <>
          : <bdi>{title}</bdi>
        </>
      ) : null}
      {date ? (
        <>
          {' '}
          (<bdi>{formatPartialDate(date)}</bdi>)
        </>
      ) : null}
    </>
  );
}
