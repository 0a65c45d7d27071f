import type { SharedWork } from '../core/types.ts';
import { workLabelParts } from './workText.ts';

/**
 * "Kind: title (date)". The title is the user's text in any language and the date is digits, so each is
 * isolated: an English title in the Arabic UI (or the reverse) keeps its own direction.
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
          (<bdi>{date}</bdi>)
        </>
      ) : null}
    </>
  );
}
