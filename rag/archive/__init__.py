"""Reading an archive: open the zip or folder, parse every generation's tweet files into `Tweet` records.

In the order the data flows: `source` opens the archive and reads an allowed file's bytes; `payload` parses
a data file (`window.YTD... = [...]`); `convert` turns one raw record into a `Tweet` (`tweet`: the record
type, tweet URLs, snowflake times), cleaning its text with `text`; `notes` matches long posts to their
tweets; `reader` (`read_archive`) drives all of it for a whole archive and fills in `report` (`LoadReport`).
"""
