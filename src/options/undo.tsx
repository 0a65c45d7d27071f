// One undo offer at a time, for the whole page: it outlives the view that made it (deleting a person
// leaves their record, and the offer must survive that).
import { type ComponentChildren, createContext } from 'preact';
import { useContext, useState } from 'preact/hooks';
import { t } from '../ui/i18n/i18n.ts';
import { type UndoOffer, UndoToast } from './widgets/UndoToast.tsx';

const OfferUndo = createContext<(offer: UndoOffer) => void>(() => {});

export function UndoProvider({ children }: { children: ComponentChildren }) {
  const [offer, setOffer] = useState<UndoOffer | undefined>(undefined);
  return (
    <OfferUndo.Provider value={setOffer}>
      {children}
      <UndoToast offer={offer} undoLabel={t('options_undo')} onDone={() => setOffer(undefined)} />
    </OfferUndo.Provider>
  );
}

export function useOfferUndo(): (offer: UndoOffer) => void {
  return useContext(OfferUndo);
}
