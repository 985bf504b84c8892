package edu.alumni.engine.gift;

import edu.alumni.engine.alumni.AlumnusMapper;
import edu.alumni.engine.catalogue.Catalogue;
import edu.alumni.engine.csv.CsvImporter;
import edu.alumni.engine.csv.ImportReport;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.mybatis.spring.SqlSessionTemplate;
import org.springframework.stereotype.Service;

/** Imports historical gifts (gifts.csv). Starts no process: only gifts recorded through the API are stewarded. */
@Service
public class GiftImportService {

  private final CsvImporter importer;
  private final Catalogue catalogue;
  private final Clock clock;
  private final AlumnusMapper alumni;
  private final GiftMapper gifts;
  private final GiftMapper batchWriter;

  public GiftImportService(CsvImporter importer, Catalogue catalogue, Clock clock, AlumnusMapper alumni,
      GiftMapper gifts, SqlSessionFactory sessions) {
    this.importer = importer;
    this.catalogue = catalogue;
    this.clock = clock;
    this.alumni = alumni;
    this.gifts = gifts;
    this.batchWriter = new SqlSessionTemplate(sessions, ExecutorType.BATCH).getMapper(GiftMapper.class);
  }

  public ImportReport importCsv(InputStream csv, boolean partial) {
    return importer.run(csv, partial,
        () -> new GiftCsvFormat(catalogue, LocalDate.now(clock), alumni, gifts, batchWriter), false);
  }
}
