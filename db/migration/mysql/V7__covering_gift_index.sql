-- A segmentation run aggregates each chunk's gifts by alumnus and year (sum, largest recent gift): with the amount
-- in the index the query reads the index alone instead of looking every gift up in the table.
CREATE INDEX ix_gift_student_date_amount ON gift (student_no, gift_date, amount_cny);
DROP INDEX ix_gift_student_date ON gift;
