-- Version 2: an index in the grid's own order (unknown times last), so no sort is needed.

CREATE INDEX photos_grid_order ON photos ((sort_time IS NULL), sort_time, id);
DROP INDEX photos_sort;
