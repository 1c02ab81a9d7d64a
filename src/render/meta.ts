/** What every rendered document says about itself (PDF Info and XMP, DOCX/XLSX core properties). */
export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  keywords?: string;
  /** Creation and modification date (the run's clock: SOURCE_DATE_EPOCH makes it fixed). */
  date: Date;
}
