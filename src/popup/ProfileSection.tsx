// The person on the tab's profile page: the same summary and quick add as the in-page panel.
import type { ProfileSnapshot } from '../core/types';
import { ProfileTrustView } from '../ui/data/ProfileTrustView';
import { useProfileView } from '../ui/data/profileRecord';

export default function ProfileSection({ snapshot }: { snapshot: ProfileSnapshot }) {
  const view = useProfileView(snapshot);
  return (
    <div class="popup-profile">
      <ProfileTrustView snapshot={snapshot} view={view} headingId="popup-profile-heading" />
    </div>
  );
}
