/** A row that keeps its aggregate as JSON in `data`; a repository extends it with the plain columns its queries filter on. */
export interface DataEntity {
  partitionKey: string;
  rowKey: string;
  data: string;
}
