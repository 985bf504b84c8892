-- A segmentation run aggregates each chunk's gifts by alumnus and year (sum, largest recent gift): with the amount
-- in the index the query reads the index alone instead of looking every gift up in the table. (H2 may serve the
-- foreign key to alumnus with the older index, so that one stays here; mysql/V7 replaces it.)
CREATE INDEX ix_gift_student_date_amount ON gift (student_no, gift_date, amount_cny);
