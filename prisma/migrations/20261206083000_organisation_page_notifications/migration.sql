-- The organisation directory joins the shared cache of public pages (app/web/public-page.ts), so
-- every row its anonymous pages show must announce its changes (see change_notifications): an
-- organisation's listed-member count (memberships, people's listing choice and confirmed
-- address) and the roadshow stops its people attended. The organisation's own row, its events
-- and people's names already notify.
CREATE TRIGGER "Membership_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION "scale_notify_change"('person:userId');
CREATE TRIGGER "PersonProfile_notify_change" AFTER INSERT OR UPDATE OF "listed", "organisationId" OR DELETE ON "PersonProfile"
  FOR EACH ROW EXECUTE FUNCTION "scale_notify_change"('person:userId');
CREATE TRIGGER "StopAttendance_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "StopAttendance"
  FOR EACH ROW EXECUTE FUNCTION "scale_notify_change"('person:userId');
CREATE TRIGGER "User_notify_listing_change" AFTER UPDATE OF "emailVerifiedAt", "suspendedAt" ON "User"
  FOR EACH ROW WHEN (OLD."emailVerifiedAt" IS DISTINCT FROM NEW."emailVerifiedAt" OR OLD."suspendedAt" IS DISTINCT FROM NEW."suspendedAt")
  EXECUTE FUNCTION "scale_notify_change"('person:id');
