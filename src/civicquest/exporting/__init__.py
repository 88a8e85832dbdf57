"""Writing (internal): :func:`.pipeline.export` runs an exporter with the publication rules;
:mod:`.atomic` writes files and folders so that a failed run leaves nothing half-written;
:mod:`.schemas` writes the JSON Schemas of the project files.
"""
