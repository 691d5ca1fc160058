-- Where a platform shows the tool, beyond its issuer's and authentication endpoint's origins: e.g. a Canvas
-- account's own host (https://school.instructure.com), whose pages frame the tool and receive Deep Linking
-- responses while its issuer is https://canvas.instructure.com. Space-separated origins; NULL for none.
ALTER TABLE platform ADD COLUMN site_origins VARCHAR(2048) NULL;
