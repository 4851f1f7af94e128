"""The monthly export for invoicing: a month's chargeable items per customer, priced and
rounded, as CSV and XLSX; exporting a month closes it."""
