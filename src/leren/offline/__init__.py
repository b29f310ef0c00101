"""The offline bundle: one zip with the site, the PDFs, the worksheets and the notebooks (`make bundle`)."""
