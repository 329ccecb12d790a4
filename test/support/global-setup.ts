// Filled in once the index exists: builds the test index once for the whole run.
export default async function setup(): Promise<void> {}
