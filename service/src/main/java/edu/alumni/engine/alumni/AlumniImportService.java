package edu.alumni.engine.alumni;

import edu.alumni.engine.catalogue.Catalogue;
import edu.alumni.engine.csv.CsvImporter;
import edu.alumni.engine.csv.ImportReport;
import java.io.InputStream;
import java.time.Clock;
import java.time.Year;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.mybatis.spring.SqlSessionTemplate;
import org.springframework.stereotype.Service;

/** Imports alumni.csv: validates the whole file, then upserts by student_no in batches. */
@Service
public class AlumniImportService {

  private final CsvImporter importer;
  private final Catalogue catalogue;
  private final Clock clock;
  /** Writes go through a batch executor: one JDBC batch per chunk instead of one round trip per row. */
  private final AlumnusMapper batchMapper;
  private final AlumnusMapper alumni;

  public AlumniImportService(CsvImporter importer, Catalogue catalogue, Clock clock, SqlSessionFactory sessions,
      AlumnusMapper alumni) {
    this.alumni = alumni;
    this.importer = importer;
    this.catalogue = catalogue;
    this.clock = clock;
    this.batchMapper = new SqlSessionTemplate(sessions, ExecutorType.BATCH).getMapper(AlumnusMapper.class);
  }

  public ImportReport importCsv(InputStream csv, boolean partial) {
    // created once the import holds the import lock, so "empty" still holds when the rows are written
    return importer.run(csv, partial, () -> new AlumniCsvFormat(catalogue, Year.now(clock), batchMapper,
        alumni.selectAnyStudentNo() == null), true);
  }
}
