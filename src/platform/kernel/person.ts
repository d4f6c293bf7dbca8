/** Someone known by their Entra object id (Teams `from.aadObjectId`) and display name. */
export interface PersonRef {
  readonly id: string;
  readonly name: string;
}
