"""Reading an archive: open the zip or folder, parse every generation's tweet files into `Tweet` records."""
