from django.db import migrations

# The export audit log is append-only in the database itself: no ORM update()/delete() and no raw SQL can
# change or remove a row. The one UPDATE let through is Django's SET_NULL when the user or the petition
# is deleted: the row stays, with the username kept as text in `actor`.
APPEND_ONLY = """
CREATE OR REPLACE FUNCTION petitions_exportrecord_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND NEW.id = OLD.id
       AND NEW.actor IS NOT DISTINCT FROM OLD.actor
       AND NEW.via IS NOT DISTINCT FROM OLD.via
       AND NEW.format IS NOT DISTINCT FROM OLD.format
       AND NEW.filters IS NOT DISTINCT FROM OLD.filters
       AND NEW.row_count IS NOT DISTINCT FROM OLD.row_count
       AND NEW.created_at IS NOT DISTINCT FROM OLD.created_at
       AND (NEW.user_id IS NULL OR NEW.user_id IS NOT DISTINCT FROM OLD.user_id)
       AND (NEW.petition_id IS NULL OR NEW.petition_id IS NOT DISTINCT FROM OLD.petition_id) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the export audit log (petitions_exportrecord) is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER petitions_exportrecord_append_only
    BEFORE UPDATE OR DELETE ON petitions_exportrecord
    FOR EACH ROW EXECUTE FUNCTION petitions_exportrecord_append_only();
"""
UNDO = """
DROP TRIGGER IF EXISTS petitions_exportrecord_append_only ON petitions_exportrecord;
DROP FUNCTION IF EXISTS petitions_exportrecord_append_only();
"""


def append_only(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(APPEND_ONLY)


def undo(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(UNDO)


class Migration(migrations.Migration):
    dependencies = [("petitions", "0006_signature_public_id")]

    operations = [migrations.RunPython(append_only, undo)]
