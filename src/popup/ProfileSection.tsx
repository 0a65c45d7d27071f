// The person on the tab's profile page: the same summary and quick add as the in-page panel.
import type { ProfileSnapshot } from '../core/types.ts';
import { ProfileTrustView } from '../ui/data/ProfileTrustView.tsx';
import { useProfileView } from '../ui/data/profileRecord.ts';

export default function ProfileSection({ snapshot }: { snapshot: ProfileSnapshot }) {
  const view = useProfileView(snapshot);
  return (
    <div class="popup-profile">
      <ProfileTrustView snapshot={snapshot} view={view} headingId="popup-profile-heading" />
    </div>
  );
}
